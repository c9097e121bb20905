/**
 * Precision of each rule from analysts' feedback on resolved alerts: precision = TP / (TP + FP), where TP are
 * alerts marked true alarms and FP false alarms among those the rule contributed to. Alerts without feedback
 * do not count. (Precision as in information retrieval; the feedback loop follows Korea's EWS practice of
 * reviewing each issued warning.)
 */
export interface Feedback {
  rules: string[];
  feedback: 'true_alarm' | 'false_alarm' | null;
}

export interface RulePrecision {
  rule: string;
  trueAlarms: number;
  falseAlarms: number;
  /** NaN-free: null when the rule has no reviewed alert. */
  precision: number | null;
}

export function precisionByRule(alerts: readonly Feedback[]): RulePrecision[] {
  const counts = new Map<string, { t: number; f: number }>();
  for (const a of alerts) {
    if (!a.feedback) continue;
    for (const rule of a.rules) {
      const c = counts.get(rule) ?? { t: 0, f: 0 };
      if (a.feedback === 'true_alarm') c.t++;
      else c.f++;
      counts.set(rule, c);
    }
  }
  return [...counts]
    .map(([rule, c]) => ({
      rule,
      trueAlarms: c.t,
      falseAlarms: c.f,
      precision: c.t + c.f > 0 ? c.t / (c.t + c.f) : null,
    }))
    .sort((a, b) => a.rule.localeCompare(b.rule));
}
