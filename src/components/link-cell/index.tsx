import Taro from '@tarojs/taro';
import { Cell } from '@nutui/nutui-react-taro';
import { Text } from '@tarojs/components';
import './index.scss';

interface LinkCellProps {
  title: string;
  description?: string;
  url: string;
  className?: string;
}

/** A full-width row that opens another page. */
export function LinkCell({ title, description, url, className }: LinkCellProps) {
  return (
    <Cell
      className={`link-cell ${className ?? ''}`}
      title={title}
      description={description}
      extra={<Text className="link-cell__arrow">›</Text>}
      clickable
      onClick={() => void Taro.navigateTo({ url })}
    />
  );
}
