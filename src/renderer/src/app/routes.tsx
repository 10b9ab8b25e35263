import { ApartmentOutlined, CalendarOutlined, CheckSquareOutlined, HomeOutlined, PrinterOutlined, SettingOutlined, StarOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { AssessmentEditorPage } from '../features/assessments/AssessmentEditorPage';
import { AssessmentsPage } from '../features/assessments/AssessmentsPage';
import { ComplianceMatrixPage } from '../features/compliance/ComplianceMatrixPage';
import { HomePage } from '../features/home/HomePage';
import { MeetingEditorPage } from '../features/meetings/MeetingEditorPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { TalkCoveragePage } from '../features/meetings/TalkCoveragePage';
import { MemberImportPage } from '../features/memberImport/MemberImportPage';
import { MemberDetailPage } from '../features/members/MemberDetailPage';
import { MembersPage } from '../features/members/MembersPage';
import { OrganizationPage } from '../features/organization/OrganizationPage';
import { ParticipationPage } from '../features/participation/ParticipationPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { EditTrailPage } from '../features/editTrail/EditTrailPage';
import { PlanPage } from '../features/plans/PlanPage';
import { YearSummaryPage } from '../features/reports/YearSummaryPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { PackagePage } from '../features/package/PackagePage';
import { RubricImportPage } from '../features/rubricTemplates/RubricImportPage';
import { RubricTemplateEditorPage } from '../features/rubricTemplates/RubricTemplateEditorPage';
import { RubricTemplatesPage } from '../features/rubricTemplates/RubricTemplatesPage';

export interface AppRoute {
  path: string;
  label: string;
  icon?: ReactNode;
  element: ReactNode;
  /** Pages reached from another page (detail, import) are routes but not menu entries. */
  hidden?: boolean;
}

/** Navigation lists only features that work; each later feature adds its line here. */
export const ROUTES: AppRoute[] = [
  { path: '/', label: '首页', icon: <HomeOutlined />, element: <HomePage /> },
  { path: '/members', label: '党员花名册', icon: <TeamOutlined />, element: <MembersPage /> },
  { path: '/meetings', label: '组织生活', icon: <CalendarOutlined />, element: <MeetingsPage /> },
  { path: '/compliance', label: '落实情况', icon: <CheckSquareOutlined />, element: <ComplianceMatrixPage /> },
  { path: '/assessments', label: '五星三强', icon: <StarOutlined />, element: <AssessmentsPage /> },
  { path: '/reports/summary', label: '年度工作总结', element: <YearSummaryPage />, hidden: true },
  { path: '/organization', label: '组织建设', icon: <ApartmentOutlined />, element: <OrganizationPage /> },
  { path: '/members/import', label: '导入党员', element: <MemberImportPage />, hidden: true },
  { path: '/members/:id', label: '党员详情', element: <MemberDetailPage />, hidden: true },
  { path: '/meetings/new', label: '新建会议记录', element: <MeetingEditorPage />, hidden: true },
  { path: '/meetings/talks', label: '谈心谈话覆盖情况', element: <TalkCoveragePage />, hidden: true },
  { path: '/meetings/plan', label: '年度计划', element: <PlanPage />, hidden: true },
  { path: '/meetings/:id', label: '会议记录', element: <MeetingEditorPage />, hidden: true },
  { path: '/assessments/templates', label: '评分模板', element: <RubricTemplatesPage />, hidden: true },
  { path: '/assessments/templates/import', label: '导入评分细则', element: <RubricImportPage />, hidden: true },
  { path: '/assessments/templates/:id', label: '评分模板', element: <RubricTemplateEditorPage />, hidden: true },
  { path: '/assessments/:id', label: '年度自评', element: <AssessmentEditorPage />, hidden: true },
  { path: '/participation', label: '参加组织生活情况', element: <ParticipationPage />, hidden: true },
  { path: '/reports/package', label: '迎检资料包', element: <PackagePage />, hidden: true },
  { path: '/settings/edit-trail', label: '修改记录', element: <EditTrailPage />, hidden: true },
  { path: '/reports', label: '报表', icon: <PrinterOutlined />, element: <ReportsPage /> },
  // Last line on purpose: 设置 stays at the bottom of the menu whatever is added above.
  { path: '/settings', label: '设置', icon: <SettingOutlined />, element: <SettingsPage /> },
];
