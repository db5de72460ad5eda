import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { SectionLoader } from '../../components/FullPageLoader';

export interface MailPreviewData {
  to: string;
  memberAddress: string | null;
  subject: string;
  text: string;
  attachmentName: string;
}

export interface SendMailTexts {
  title: string;
  intro: string;
  to: string;
  subject: string;
  attachment: string;
  copyToMember: (address: string) => string;
  confirm: string;
}

/**
 * Shows the very mail a send will queue (recipient, subject, text, attachment) before it
 * leaves, with the choice of a copy to the member. Sending a document to a client cannot be
 * taken back, so the person reads it first.
 */
export function SendMailModal(props: {
  opened: boolean;
  onClose: () => void;
  preview: { data?: MailPreviewData; error: unknown; isError: boolean };
  onConfirm: (copyToMember: boolean) => void;
  loading: boolean;
  error: unknown;
  texts: SendMailTexts;
}) {
  const { t } = useTranslation();
  const [copy, setCopy] = useState(false);
  const mail = props.preview.data;
  const field = (label: string, value: string, testId: string) => (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.texts.title} size="lg" data-testid="send-mail-modal">
      {props.preview.isError ? (
        <ErrorAlert error={props.preview.error} />
      ) : !mail ? (
        <SectionLoader />
      ) : (
        <Stack gap="sm">
          <Text size="sm">{props.texts.intro}</Text>
          {field(props.texts.to, mail.to, 'send-mail-to')}
          {field(props.texts.subject, mail.subject, 'send-mail-subject')}
          <Alert variant="light" color="gray" p="sm">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="send-mail-text">
              {mail.text}
            </Text>
          </Alert>
          <Group gap={6} wrap="nowrap">
            <IconPaperclip size={16} aria-hidden />
            <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="send-mail-attachment">
              {props.texts.attachment} {mail.attachmentName}
            </Text>
          </Group>
          {mail.memberAddress && mail.memberAddress !== mail.to && (
            <Checkbox checked={copy} onChange={(e) => setCopy(e.currentTarget.checked)} label={props.texts.copyToMember(mail.memberAddress)} data-testid="send-mail-copy" />
          )}
          <ErrorAlert error={props.error} />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button loading={props.loading} onClick={() => props.onConfirm(copy)} data-testid="send-mail-confirm">
              {props.texts.confirm}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
