import { useEffect, useState } from 'react';

/**
 * A form's error message that goes away as soon as the member changes what it was about: an error
 * left standing after the field was fixed reads as if the fix did not work. `values` are the form's
 * fields (anything JSON can describe).
 */
export function useFormError(values: unknown): [string | null, (message: string | null) => void] {
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(values);
  useEffect(() => {
    setError(null);
  }, [key]);
  return [error, setError];
}
