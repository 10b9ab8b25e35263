import type { z } from 'zod';
import type { AssessmentProposal, AssessmentTemplateItem, assessmentsProposeInput, IndicatorProposal } from '../../shared/contract/assessments';
import { AppError } from '../../shared/contract/errors';
import { todayIso } from '../../shared/domain/dates';
import { scoreAnswer, scoreAssessment, type IndicatorInput } from '../../shared/domain/rubricScoring';
import type { ComplianceReport } from '../../shared/domain/compliance';
import { SHIPPED_CATALOG, type TemplateCatalog } from './assessments.source';
import type { ServiceContext } from './context';
import { proposeEvidence, type EvidenceSources } from './rubricEvidence';

type ProposeInput = z.output<typeof assessmentsProposeInput>;

/** 五星三强 self-assessment (issue 6): the templates, and a year's proposal scored from the records. */
export function createAssessmentsService(context: ServiceContext, sources: EvidenceSources, catalog: TemplateCatalog = SHIPPED_CATALOG) {
  return {
    templates(): AssessmentTemplateItem[] {
      return catalog.list().map((template) => ({
        id: template.id,
        name: template.name,
        status: template.status,
        version: template.version,
        scope: [...template.scope],
        effectiveYear: template.effectiveYear,
        totalPoints: template.totalPoints ?? template.dimensions.reduce((sum, dimension) => sum + dimension.maxPoints, 0),
      }));
    },

    propose({ templateId, year }: ProposeInput): AssessmentProposal {
      const template = catalog.find(templateId);
      if (!template) {
        const message = `没有编号为“${templateId}”的评分模板，请从 ${catalog.list().map((candidate) => `“${candidate.name}”`).join('、')} 中选择`;
        throw new AppError('NOT_FOUND', `评分模板：${message}`, [{ path: 'templateId', label: '评分模板', message }]);
      }
      const today = todayIso(context.clock());
      const thisYear = Number(today.slice(0, 4));
      if (year > thisYear) {
        const message = `${year}年尚未到来，请选择 ${thisYear} 年或以前的年度`;
        throw new AppError('VALIDATION', `年度：${message}`, [{ path: 'year', label: '年度', message }]);
      }
      let report: ComplianceReport | null = null;
      const compliance = () => (report ??= sources.compliance.year({ year }));
      const indicators: IndicatorProposal[] = template.indicators.map((indicator) => {
        const { answer, evidence } = proposeEvidence(indicator.auto, { year, scoring: indicator.scoring, sources, compliance });
        const scored = answer ? scoreAnswer(indicator, answer) : null;
        const proposed = scored && 'points' in scored ? scored.points : null;
        return {
          id: indicator.id,
          dimensionId: indicator.dimensionId,
          text: indicator.text,
          maxPoints: indicator.maxPoints,
          scoringType: indicator.scoring.type,
          rule: indicator.auto?.rule ?? null,
          answer: proposed === null ? null : answer,
          proposed,
          manual: proposed === null,
          evidence: scored && 'problem' in scored ? { ...evidence, text: `需手工评分：${scored.problem}。${evidence.text}` } : evidence,
        };
      });
      const inputs: Record<string, IndicatorInput> = {};
      for (const item of indicators) if (item.answer) inputs[item.id] = { answer: item.answer };
      const result = scoreAssessment(template, { indicators: inputs });
      return { templateId: template.id, templateName: template.name, templateVersion: template.version, year, asOf: today, indicators, result };
    },
  };
}

export type AssessmentsService = ReturnType<typeof createAssessmentsService>;
