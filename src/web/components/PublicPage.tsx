import { Alert, Container } from '@mantine/core';
import { IconLinkOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import classes from '../app/public-layout.module.css';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';

/**
 * The frame of a page reached by a personal link, without an account (a client's quote, a
 * workclub guest's group): the brand and the language switch, then the content, outside the
 * app's navigation since the visitor is not a user of the cooperative.
 */
export function PublicPageFrame({ children }: { children: ReactNode }) {
  return (
    <div className={classes.root}>
      <header className={classes.top}>
        <Brand />
        <LanguageSwitch />
      </header>
      <Container size="lg" w="100%" pb="xl" px={{ base: 'xs', sm: 'md' }}>
        {children}
      </Container>
    </div>
  );
}

/** What a public page says when its link no longer opens it: plainly, and whom to ask. */
export function LinkProblem({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  return (
    <Alert color="orange" variant="light" icon={<IconLinkOff size={20} aria-hidden />} title={title} data-testid={testId}>
      {children}
    </Alert>
  );
}
