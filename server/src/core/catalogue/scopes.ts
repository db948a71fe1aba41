import scopesData from '../../../../data/vocab/scopes.yaml';

/** The scopes a threshold can be given for besides the level (data/vocab/scopes.yaml). */
const scopes = scopesData as { terrains: string[]; citySizes: string[]; citySizeGroups: Record<string, string> };

export const TERRAINS: string[] = scopes.terrains;
export const CITY_SIZES: string[] = scopes.citySizes;
/** Labels tables write for two sizes at once (`超、特大城市 ≥70`): the sizes share a threshold in every edition so far. */
export const CITY_SIZE_GROUPS: Record<string, string> = scopes.citySizeGroups;
