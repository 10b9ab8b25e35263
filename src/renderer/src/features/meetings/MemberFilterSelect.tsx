import { Select } from 'antd';
import { useMemo, useState } from 'react';
import { useMembers } from '../../api/members';

/**
 * Picks one member (present or past) by name or pinyin initials (cjh → 陈建华), searched the way
 * the roster searches, so the two agree.
 */
export function MemberFilterSelect({ value, onChange, style }: { value: number | undefined; onChange: (value: number | undefined) => void; style?: React.CSSProperties }) {
  const [search, setSearch] = useState('');
  const query = search.trim();
  const everyone = useMembers({ scope: 'all' });
  const matching = useMembers({ scope: 'all', query: query || undefined });
  const options = useMemo(() => {
    const source = query ? (matching.data ?? []) : (everyone.data ?? []);
    const options = source.map((member) => ({ value: member.id, label: member.status === 'active' ? member.name : `${member.name}（已离开）` }));
    // Keep the chosen member's label while the typed text lists others.
    const chosen = everyone.data?.find((member) => member.id === value);
    if (chosen && !options.some((option) => option.value === chosen.id)) options.push({ value: chosen.id, label: chosen.name });
    return options;
  }, [query, matching.data, everyone.data, value]);

  return (
    <Select<number>
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      placeholder="全部人员"
      aria-label="人员"
      title="参加会议的人员：出席，或担任主持人、记录人、授课人、发言人"
      notFoundContent={query && !matching.isPending ? '没有这个人' : undefined}
      loading={matching.isFetching}
      style={style}
      value={value}
      onChange={(next) => {
        onChange(next);
        setSearch('');
      }}
      options={options}
    />
  );
}
