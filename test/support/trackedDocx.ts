// A county plan as Word saves it after a reviewer edited it with 修订 (Track Changes) on: runs
// inserted (w:ins) and deleted (w:del, its text in w:delText), a whole paragraph inserted (its mark
// too), a paragraph moved to another chapter (w:moveFrom / w:moveTo with their range marks), each
// change with w:id, w:author and w:date as Word writes them. Built from XML so that each revision is
// exactly the one the test names.
import { docx } from '../hostile/build';

const REVIEWER = '市生态环境局 审核组';
const DRAFTER = '德清县生态环境分局';
const DATE = '2026-11-20T09:30:00Z';
let id = 0;
const stamp = (author: string) => `w:id="${++id}" w:author="${author}" w:date="${DATE}"`;

const t = (text: string) => `<w:t xml:space="preserve">${text}</w:t>`;
const run = (text: string) => `<w:r>${t(text)}</w:r>`;
const ins = (text: string, author = REVIEWER) => `<w:ins ${stamp(author)}><w:r>${t(text)}</w:r></w:ins>`;
const del = (text: string, author = REVIEWER) => `<w:del ${stamp(author)}><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;
const para = (...content: string[]) => `<w:p>${content.join('')}</w:p>`;
const indented = (...content: string[]) => `<w:p><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>${content.join('')}</w:p>`;
const heading = (text: string) => `<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr>${run(text)}</w:p>`;
const title = (text: string) => `<w:p><w:pPr><w:jc w:val="center"/></w:pPr>${run(text)}</w:p>`;

const MOVED = '3.推进生态环境信息公开。按季度发布县域生态环境质量状况，督促重点排污单位依法公开排放信息，生态环境信息公开率达到100%。（责任单位：县生态环境分局）';

/** The plan with its revisions: the text before them is the drafter's, after them the reviewer's edit. */
export function trackedPlanBody(): string {
  id = 0;
  return [
    title('德清县创建国家生态文明建设示范县实施方案'),
    indented(run('为推进国家生态文明建设示范县创建，对照《国家生态文明建设示范市县建设指标》，结合我县实际，制定本方案。')),
    para(run('一、主要任务')),
    heading('（一）完善制度体系'),
    indented(run('1.实施生态文明建设规划。完成县级规划修编，建立年度实施评估机制，规划确定的任务逐项落实到责任单位。（责任单位：县生态环境分局）')),
    // the lead unit deleted, replaced by a vague party
    indented(
      run('2.全面落实河长制。健全县、镇、村三级河长体系，完善河长巡河、问题交办和考核评价制度。'),
      del('〔县水利局牵头，县农业农村局配合〕'),
      ins('（相关部门按职责分工负责）'),
    ),
    // moved to the end of chapter (二)
    `<w:p><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/><w:rPr><w:moveFrom ${stamp(REVIEWER)}/></w:rPr></w:pPr><w:moveFromRangeStart ${stamp(REVIEWER)} w:name="move1"/><w:moveFrom ${stamp(REVIEWER)}><w:r>${t(MOVED)}</w:r></w:moveFrom><w:moveFromRangeEnd w:id="${id - 1}"/></w:p>`,
    heading('（二）改善环境质量'),
    // a weaker target: 95% → 90%
    indented(run('4.提升污水处理水平。推进城镇污水管网雨污分流改造，到2023年，城镇污水处理率达到'), del('95'), ins('90'), run('%以上。（责任单位：县住建局）')),
    // retitled, and a unit added, by the drafter answering the review
    indented(
      run('5.'),
      del('改善', DRAFTER),
      ins('持续改善', DRAFTER),
      run('空气质量。开展工业废气和机动车尾气协同治理，到2023年，空气质量优良天数比例达到90%以上。（责任单位：县生态环境分局'),
      ins('、县交通运输局', DRAFTER),
      run('）'),
    ),
    // a whole task inserted, its paragraph mark too
    `<w:p><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/><w:rPr><w:ins ${stamp(REVIEWER)}/></w:rPr></w:pPr>${ins('6.推进农村厕所提档升级。实施农村户厕和公厕改造，农村无害化卫生厕所普及率达到98%以上。（责任单位：县农业农村局、县卫健局）')}</w:p>`,
    `<w:p><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/><w:rPr><w:moveTo ${stamp(REVIEWER)}/></w:rPr></w:pPr><w:moveToRangeStart ${stamp(REVIEWER)} w:name="move1"/><w:moveTo ${stamp(REVIEWER)}><w:r>${t(MOVED)}</w:r></w:moveTo><w:moveToRangeEnd w:id="${id - 1}"/></w:p>`,
    para(run('二、保障措施')),
    indented(run('（一）加强组织领导。成立创建工作领导小组，统筹推进创建各项工作。')),
    `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`,
  ].join('');
}

export function trackedPlanDocx(): Buffer {
  return docx(trackedPlanBody());
}

/** The same plan with no revisions at all. */
export function untrackedPlanDocx(): Buffer {
  return docx(
    [title('德清县创建国家生态文明建设示范县实施方案'), para(run('一、主要任务')), indented(run('1.实施生态文明建设规划。完成县级规划修编。（责任单位：县生态环境分局）'))].join(''),
  );
}
