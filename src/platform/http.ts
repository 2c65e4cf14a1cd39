/**
 * H5: JSON over the browser's own fetch. Taro.request would bring its fetch, AbortController and JSONP
 * polyfills (about 30 KB) into the first page for browsers that have all three natively.
 */
export interface JsonResponse<T> {
  statusCode: number;
  data: T | null;
}

export async function requestJson<T>(url: string, init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: unknown; timeoutMs?: number }): Promise<JsonResponse<T>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), init.timeoutMs ?? 20000);
  try {
    const res = await fetch(url, {
      method: init.method,
      headers: init.body === undefined ? init.headers : { 'content-type': 'application/json', ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: controller.signal,
    });
    // A body that is not JSON (a proxy's error page) reads as no data; callers decide what that means.
    const data = (await res.json().catch(() => null)) as T | null;
    return { statusCode: res.status, data };
  } finally {
    clearTimeout(timer);
  }
}
