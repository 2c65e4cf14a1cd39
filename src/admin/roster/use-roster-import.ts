import { useRef, useState } from 'react';
import type { RosterJobView, RosterValidation } from '../../domain/api/org';
import { orgApi } from '../../platform/api';
import type { PickedFile } from '../../platform/pick-file';
import { errorMessage } from '../../utils/error-message';

export type RosterStep =
  | { step: 'idle' }
  | { step: 'validating'; fileName: string }
  | { step: 'invalid'; fileName: string; result: Extract<RosterValidation, { valid: false }> }
  | { step: 'valid'; fileName: string; result: Extract<RosterValidation, { valid: true }> }
  | { step: 'applying'; jobId: string; fileName: string; job: RosterJobView | null; total: number }
  | { step: 'done'; fileName: string; job: RosterJobView };

/** Safety net: a job of 5,000 rows in batches of 100 needs 50 calls; never loop forever on a stuck job. */
const MAX_APPLY_CALLS = 500;

/** Validate a picked file, then apply the job batch by batch until the server says done. */
export function useRosterImport() {
  const [state, setState] = useState<RosterStep>({ step: 'idle' });
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);

  const validate = async (file: PickedFile) => {
    if (running.current) return;
    running.current = true;
    setError(null);
    setState({ step: 'validating', fileName: file.name });
    try {
      const result = await orgApi('roster.validate', { fileName: file.name, contentBase64: file.base64 });
      setState(result.valid ? { step: 'valid', fileName: file.name, result } : { step: 'invalid', fileName: file.name, result });
    } catch (e) {
      setError(errorMessage(e, '校验失败，请重试'));
      setState({ step: 'idle' });
    } finally {
      running.current = false;
    }
  };

  /** Also resumes after a failure: the job remembers how many rows it applied. */
  const apply = async (jobId: string, fileName: string, total: number) => {
    if (running.current) return;
    running.current = true;
    setError(null);
    setState((prev) => ({ step: 'applying', jobId, fileName, job: prev.step === 'applying' ? prev.job : null, total }));
    try {
      for (let i = 0; i < MAX_APPLY_CALLS; i++) {
        const job = await orgApi('roster.apply', { jobId });
        if (job.status === 'done') {
          setState({ step: 'done', fileName, job });
          return;
        }
        setState({ step: 'applying', jobId, fileName, job, total: job.total });
      }
      setError('导入未能完成，请点击继续导入');
    } catch (e) {
      setError(errorMessage(e, '导入中断，请点击继续导入'));
    } finally {
      running.current = false;
    }
  };

  const reset = () => {
    setError(null);
    setState({ step: 'idle' });
  };

  return { state, error, setError, validate, apply, reset };
}
