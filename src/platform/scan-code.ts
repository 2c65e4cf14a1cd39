/**
 * H5 cannot open the camera as a scanner: members type the 6-digit code shown beside the QR instead.
 * The check-in page asks `canScan` and shows the code field when it is false.
 */
export const canScan = false;

/** Never called on H5 (canScan is false); kept so both platforms export the same shape. */
export async function scanCheckinCode(): Promise<string | null> {
  return null;
}
