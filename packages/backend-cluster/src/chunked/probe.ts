import { type DType, dtypeInfo } from '@sciport/array-api';

export function itemsize(dtype: DType): number {
  return dtypeInfo(dtype).itemsize;
}
