import national2019 from '../../../../data/catalogue/national-2019.yaml';
import national2021 from '../../../../data/catalogue/national-2021.yaml';
import national2024City from '../../../../data/catalogue/national-2024-city.yaml';
import national2024County from '../../../../data/catalogue/national-2024-county.yaml';
import { loadEdition } from './load';
import type { CatalogueEdition } from './types';

/** The editions shipped with EcoPlan, bundled at build time (no file access at run time). */
export const builtinEditions: CatalogueEdition[] = [national2019, national2021, national2024City, national2024County].map((raw) => loadEdition(raw as Record<string, unknown>));

/**
 * The edition used when a plan names none: the newest *complete* national edition. The 2021 and
 * 2024 lists are only partly known (data/catalogue/SOURCES.md), and checking against a partial list
 * would miss most indicators.
 */
export const defaultEditionId = 'national-2019';
