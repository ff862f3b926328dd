/** Every benchmark, in the order `npm run bench` runs them. */
import { addinEncodeBench, addinReadBench } from './addin';
import { applyBench, pullBench, xlsxBench } from './engine';
import { crmReadBench } from './crmRead';
import { mysqlBobBench } from './mysqlBob';
import type { Bench } from './harness';
import { serviceLoadBench, servicePagesBench } from './service';

export const BENCHES: Bench[] = [pullBench, xlsxBench, applyBench, crmReadBench, mysqlBobBench, servicePagesBench, serviceLoadBench, addinEncodeBench, addinReadBench];
