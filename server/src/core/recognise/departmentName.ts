/**
 * What a department (unit) name looks like, and what a non-specific phrase looks like.
 * Both are judged by shape only; the department directory (when configured) decides
 * whether a unit-shaped name is actually known.
 */

// Endings of organisation names in Chinese government documents, longest first where it matters.
const UNIT_ENDINGS = [
  '委员会', '办公室', '管委会', '指挥部', '办事处', '分公司', '公司', '集团', '中心', '机关', '武装部',
  '支队', '大队', '分局', '分行', '支行', '检察院', '法院', '人大', '政协', '联社',
  '局', '委', '办', '厅', '部', '院', '会', '府', '队', '社', '所', '站', '处', '室', '行', '团', '联', '协', '馆', '台', '校', '署', '司', '科',
];

const VAGUE_START = /^(各|其他|其它|相关|有关|属地|所在地|涉及)/;
const VAGUE_ANYWHERE = /(相关|有关|责任)(部门|单位|镇|乡|街道)|各(级|地|部门|单位)|(市|县|区)(级|属|直)(各)?(部门|单位)|成员单位/;

export function stripTrailingParenGroup(name: string): string {
  // `市农合联执委会(市供销社)` is judged by `市农合联执委会`.
  const m = /^(.*?)[((][^()()]*[))]$/.exec(name);
  return m && m[1] ? m[1] : name;
}

export function looksLikeUnit(name: string): boolean {
  if (name.length < 2 || name.length > 40) return false;
  if (/[。;;,,::!?!?]/.test(name)) return false;
  const core = stripTrailingParenGroup(name);
  for (const ending of UNIT_ENDINGS) if (core.endsWith(ending)) return true;
  return false;
}

export function isVaguePhrase(name: string): boolean {
  if (name.length < 2) return false;
  return VAGUE_START.test(name) || VAGUE_ANYWHERE.test(name);
}
