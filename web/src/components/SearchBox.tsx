import { Input } from 'antd';
import { useEffect, useState } from 'react';

/** A list's search box: searches on Enter or the button, and follows the address when it changes under it. */
export function SearchBox({
  id,
  value,
  placeholder,
  onSearch,
}: {
  id: string;
  value: string | undefined;
  placeholder: string;
  onSearch: (q: string | undefined) => void;
}) {
  const [search, setSearch] = useState(value ?? '');
  // The address may change under the bar (the menu, the back button): the box follows it.
  useEffect(() => setSearch(value ?? ''), [value]);
  return (
    <Input.Search
      id={id}
      allowClear
      placeholder={placeholder}
      value={search}
      onChange={(e) => setSearch(e.target.value)}
      onSearch={(q) => onSearch(q.trim() || undefined)}
      style={{ width: 260 }}
    />
  );
}
