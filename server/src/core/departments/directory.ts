import builtinDirectoryData from '../../../../data/departments/builtin.yaml';
import { foldWidth } from '../text/fold';
import type { LocalizedText } from '../model/types';

export interface Department {
  name: string;
  aliases: string[];
  parent: string | null;
  /** Where the entry comes from: `builtin` or the path of a jurisdiction's directory file. */
  source: string;
}

interface RawEntry {
  name?: unknown;
  aliases?: unknown;
  parent?: unknown;
}

const LEVEL_PREFIXES = ['市', '县', '区'];

function expand(template: string): string[] {
  return template.includes('{级}') ? LEVEL_PREFIXES.map((p) => template.replaceAll('{级}', p)) : [template];
}

/**
 * Department names and their short forms. The built-in list covers the usual departments after
 * the 2018 reform; a jurisdiction's own file (name, aliases, parent) adds to it and wins over it.
 */
export class DepartmentDirectory {
  private readonly byName = new Map<string, Department>();
  readonly departments: Department[] = [];

  constructor(
    entries: Department[],
    /** True when a jurisdiction's own directory is configured, not only the built-in list. */
    readonly configured: boolean,
  ) {
    for (const d of entries) this.add(d);
  }

  private add(d: Department) {
    this.departments.push(d);
    for (const n of [d.name, ...d.aliases]) {
      this.byName.set(n, d);
      // `市农合联执委会（市供销社）` and `市农合联执委会(市供销社)` are one name, whichever brackets the drafter typed
      const folded = foldWidth(n);
      if (folded !== n && !this.byName.has(folded)) this.byName.set(folded, d);
    }
  }

  resolve(name: string): Department | null {
    return this.byName.get(name) ?? this.byName.get(foldWidth(name)) ?? this.placeNamed(name);
  }

  private readonly placeMisses = new Set<string>();

  /**
   * A department written with its place's name: `青川县住建局` is 县住建局, `西安市长安区住建局` is
   * 区住建局. The first split after a run of Chinese characters at a level word (市, 县, 区, 旗 →
   * 县) whose rest is a known name, or a name starting with 旗 read as 县; null when none is
   * (`宁波市生态环境局慈溪分局` stays unknown).
   */
  private placeNamed(name: string): Department | null {
    if (this.placeMisses.has(name)) return null;
    // a 旗 is a county: `旗林草局` is 县林草局 (the directory writes the 市, 县 and 区 forms)
    if (name.startsWith('旗')) {
      const county = this.byName.get('县' + name.slice(1)) ?? this.byName.get(foldWidth('县' + name.slice(1)));
      if (county) return county;
    }
    for (let i = 1; i < Math.min(name.length - 1, 12); i++) {
      const ch = name[i];
      if (!/[\u4e00-\u9fff]/.test(name[i - 1])) break;
      if (ch !== '市' && ch !== '县' && ch !== '区' && ch !== '旗') continue;
      const rest = (ch === '旗' ? '县' : ch) + name.slice(i + 1);
      const found = this.byName.get(rest) ?? this.byName.get(foldWidth(rest));
      if (found) return found;
    }
    if (name.length <= 64 && this.placeMisses.size < 10_000) this.placeMisses.add(name);
    return null;
  }

  /** Every name and alias as written in the directory (not the width-folded lookup keys). */
  allNames(): string[] {
    return [...new Set(this.departments.flatMap((d) => [d.name, ...d.aliases]))];
  }

  withEntries(entries: Department[]): DepartmentDirectory {
    return new DepartmentDirectory([...this.departments, ...entries], true);
  }
}

export function parseDirectoryEntries(raw: unknown, source: string): { entries: Department[]; errors: { index: number; message: LocalizedText }[] } {
  const list = raw && typeof raw === 'object' && 'departments' in raw ? (raw as { departments: unknown }).departments : raw;
  const entries: Department[] = [];
  const errors: { index: number; message: LocalizedText }[] = [];
  if (!Array.isArray(list)) return { entries, errors: [{ index: -1, message: { zh: '部门名录应为部门列表(departments: 下各项写 name、aliases、parent)', en: 'expected a list of departments (`departments:` with name, aliases, parent)' } }] };
  list.forEach((e: RawEntry, index) => {
    if (!e || typeof e.name !== 'string' || e.name.trim() === '') {
      errors.push({ index, message: { zh: '每个部门都需要 name', en: 'each department needs a `name`' } });
      return;
    }
    const aliases = Array.isArray(e.aliases) ? e.aliases.filter((a): a is string => typeof a === 'string') : [];
    for (const name of expand(e.name)) {
      const i = expand(e.name).indexOf(name);
      entries.push({
        name,
        aliases: aliases.flatMap((a) => (a.includes('{级}') ? [expand(a)[i]] : [a])),
        parent: typeof e.parent === 'string' ? e.parent : null,
        source,
      });
    }
  });
  return { entries, errors };
}

export const builtinDirectory = new DepartmentDirectory(parseDirectoryEntries(builtinDirectoryData, 'builtin').entries, false);
