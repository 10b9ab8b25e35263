import { HomeOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { HomePage } from '../features/home/HomePage';
import { MembersPage } from '../features/members/MembersPage';

/** Navigation lists only features that work; each later feature adds its line here. */
export const ROUTES: { path: string; label: string; icon: ReactNode; element: ReactNode }[] = [
  { path: '/', label: '首页', icon: <HomeOutlined />, element: <HomePage /> },
  { path: '/members', label: '党员花名册', icon: <TeamOutlined />, element: <MembersPage /> },
];
