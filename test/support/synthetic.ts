/**
 * A synthetic plan of about `bytes` bytes: numbered sections and tasks in the shapes real plans
 * use (clauses, targets, tags), repeated with varying numbers so nothing is trivially cached.
 */
export function syntheticPlan(bytes: number): string {
  const cn = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  const parts: string[] = ['---\necoplan:\n  level: 市\n---\n\n# 某市创建国家生态文明建设示范市实施方案\n\n## 一、指导思想\n\n深入贯彻生态文明思想,坚持生态优先、绿色发展。\n\n## 二、主要任务\n'];
  let size = parts[0].length * 3;
  let section = 0;
  let task = 0;
  while (size < bytes) {
    section++;
    parts.push(`\n### (${cn[section % 10]})第${section}组任务\n`);
    for (let t = 1; t <= 8; t++) {
      task++;
      const body =
        t % 4 === 0
          ? `\n${t}.提升污水处理能力。加快管网建设,到2023年城镇污水处理率达${90 + (task % 10)}%以上,[[政府绿色采购比例 ≥80%]]。(责任单位:@市住建局、市生态环境局)\n`
          : t % 4 === 1
            ? `\n**${t}.强化生态空间管控。**严守生态保护红线,生态保护红线面积不减少、性质不改变、功能不降低。〔市自然资源和规划局牵头,市级相关部门按职责分工负责〕\n`
            : t % 4 === 2
              ? `\n${t}.推进农业面源污染治理。化肥施用强度保持410千克/公顷以下,生态环境状况指数不低于60。(市农业农村局负责)\n`
              : `\n${t}.加强环境信息公开。主动公开环境质量信息,信息公开率保持100%,建立健全公开目录。\n`;
      parts.push(body);
      size += Buffer.byteLength(body);
    }
  }
  return parts.join('');
}
