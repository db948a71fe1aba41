import national2019 from '../../../../data/catalogue/national-2019.yaml';
import national2024City from '../../../../data/catalogue/national-2024-city.yaml';
import { loadEdition } from './load';
import type { CatalogueEdition } from './types';

/** The editions shipped with EcoPlan, bundled at build time (no file access at run time). */
export const builtinEditions: CatalogueEdition[] = [national2019, national2024City].map((raw) => loadEdition(raw as Record<string, unknown>));

/** The edition used when a plan names none: the newest complete national edition. */
export const defaultEditionId = 'national-2019';
