/**
 * Compile-time proof that Office.js's objects are what the adapter takes: if a declaration in
 * types.ts drifts from @types/office-js, this file stops compiling. Nothing imports it.
 */
import type { ExcelContext } from './types';

type Assert<T extends true> = T;
type Satisfies<Actual, Wanted> = [Actual] extends [Wanted] ? true : false;

export type RequestContextIsAnExcelContext = Assert<Satisfies<Excel.RequestContext, ExcelContext>>;
