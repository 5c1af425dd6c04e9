import { Spin } from 'antd';

export function PageFallback() {
  return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
}
