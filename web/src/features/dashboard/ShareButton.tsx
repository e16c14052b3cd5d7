import { LinkOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useT } from '../../i18n/index.tsx';

/** Copies the address of the current view (its filters are in it) to share with a colleague. */
export function ShareButton() {
  const t = useT('dashboard');
  const { message } = App.useApp();
  const share = () => {
    void navigator.clipboard?.writeText(window.location.href).then(
      () => message.success(t('filter.copied')),
      () => undefined,
    );
  };
  return (
    <Button icon={<LinkOutlined aria-hidden />} onClick={share}>
      {t('filter.share')}
    </Button>
  );
}
