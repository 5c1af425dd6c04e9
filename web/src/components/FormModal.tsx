import { Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useRef } from 'react';

interface Props<T> {
  open: boolean;
  title: ReactNode;
  form: FormInstance<T>;
  submitting: boolean;
  okText?: ReactNode;
  width?: number;
  initialValues?: Partial<T>;
  onCancel: () => void;
  onFinish: (values: T) => void;
  children: ReactNode;
}

/** A modal holding one form: Enter submits, the first field has focus when it opens. */
export function FormModal<T>(props: Props<T>) {
  const bodyRef = useRef<HTMLDivElement>(null);
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={props.okText}
      width={props.width}
      confirmLoading={props.submitting}
      onOk={() => props.form.submit()}
      onCancel={props.onCancel}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) return;
        bodyRef.current?.querySelector<HTMLInputElement>('input:not([type=hidden]):not([disabled])')?.focus();
      }}
    >
      <div ref={bodyRef}>
        <Form<T>
          form={props.form}
          layout="vertical"
          initialValues={props.initialValues}
          onFinish={props.onFinish}
          preserve={false}
        >
          {props.children}
          {/* Browsers only submit on Enter when the form has a submit button. */}
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Form>
      </div>
    </Modal>
  );
}
