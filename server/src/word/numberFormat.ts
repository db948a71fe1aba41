// Word's automatic numbering formats (w:numFmt in numbering.xml) rendered as the text a reader sees.
// The plans number their levels 一、 (chineseCounting / japaneseCounting / ideographDigital …),
// (一), 1. and (1), ① (decimalEnclosedCircle); the other formats are the usual Western ones.

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (the counting form of chineseCounting and japaneseCounting). */
export function chineseCounting(n: number, leadingOne = false): string {
  if (n <= 0 || n >= 100000) return String(n);
  const units = ['', '十', '百', '千', '万'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const place = digits.length - 1 - i;
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    // 十一 rather than 一十一 when the number starts with the tens
    out += (d === 1 && place === 1 && out === '' && !leadingOne ? '' : DIGITS[d]) + units[place];
  });
  return out;
}

/** 1 → 一, 10 → 一〇, 25 → 二五 (ideographDigital: digit by digit). */
function ideographDigital(n: number): string {
  return String(n)
    .split('')
    .map((d) => DIGITS[Number(d)])
    .join('');
}

function letters(n: number, upper: boolean): string {
  // Word repeats the letter: 27 → aa
  const base = upper ? 65 : 97;
  const letter = String.fromCharCode(base + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

function enclosed(n: number, first: number, count: number): string {
  return n >= 1 && n <= count ? String.fromCodePoint(first + n - 1) : String(n);
}

const CIRCLED_21 = 0x3251; // ㉑ … ㉟
const CIRCLED_36 = 0x32b1; // ㊱ … ㊿

function circled(n: number): string {
  if (n >= 1 && n <= 20) return String.fromCodePoint(0x2460 + n - 1);
  if (n >= 21 && n <= 35) return String.fromCodePoint(CIRCLED_21 + n - 21);
  if (n >= 36 && n <= 50) return String.fromCodePoint(CIRCLED_36 + n - 36);
  return String(n);
}

const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';

/** The formats the reader knows; any other falls back to decimal (and is counted by the caller). */
export const KNOWN_FORMATS = new Set([
  'decimal', 'decimalZero', 'chineseCounting', 'chineseCountingThousand', 'chineseLegalSimplified', 'japaneseCounting',
  'taiwaneseCounting', 'taiwaneseCountingThousand', 'ideographDigital', 'taiwaneseDigital', 'japaneseDigitalTenThousand',
  'ideographTraditional', 'ideographZodiac', 'decimalEnclosedCircle', 'decimalEnclosedCircleChinese', 'decimalEnclosedParen',
  'decimalEnclosedFullstop', 'decimalFullWidth', 'decimalFullWidth2', 'decimalHalfWidth', 'upperLetter', 'lowerLetter',
  'upperRoman', 'lowerRoman', 'bullet', 'none', 'ordinal', 'cardinalText',
]);

export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'none':
      return '';
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      // the financial form writes 壹拾 for ten
      return chineseCounting(n, true).replace(/[一二三四五六七八九十百千万零]/g, (c) => '壹贰叁肆伍陆柒捌玖拾佰仟万零'['一二三四五六七八九十百千万零'.indexOf(c)]);
    case 'ideographDigital':
    case 'taiwaneseDigital':
    case 'japaneseDigitalTenThousand':
      return ideographDigital(n);
    case 'ideographTraditional':
      return TIANGAN[(n - 1) % 10] ?? String(n);
    case 'ideographZodiac':
      return DIZHI[(n - 1) % 12] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return circled(n);
    case 'decimalEnclosedParen':
      return enclosed(n, 0x2474, 20);
    case 'decimalEnclosedFullstop':
      return enclosed(n, 0x2488, 20);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'upperLetter':
      return letters(n, true);
    case 'lowerLetter':
      return letters(n, false);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return String(n);
  }
}

/**
 * The label of a numbered paragraph: lvlText with each `%k` replaced by level k's counter in that
 * level's format (`（%1）` → `（一）`, `%1.%2` → `1.2`). isLgl levels show the higher levels as decimals.
 */
export function renderLabel(lvlText: string, counters: number[], formats: string[], isLgl: boolean): string {
  return lvlText.replace(/%([1-9])/g, (_m, d: string) => {
    const k = Number(d) - 1;
    const n = counters[k] ?? 1;
    return formatNumber(n, isLgl ? 'decimal' : formats[k] ?? 'decimal');
  });
}
