import { Anchor, Code, List, Stack, Text, Title } from '@mantine/core';
import { Fragment, useMemo, type ReactNode } from 'react';
import { Link } from 'react-router';
import { parseMarkdown, type Inline } from './markdown';

function renderInline(nodes: Inline[]): ReactNode {
  return nodes.map((n, i) => {
    switch (n.type) {
      case 'text':
        return <Fragment key={i}>{n.text}</Fragment>;
      case 'strong':
        return <strong key={i}>{renderInline(n.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(n.children)}</em>;
      case 'code':
        return <Code key={i}>{n.text}</Code>;
      case 'link':
        return n.href.startsWith('/') ? (
          <Anchor key={i} component={Link} to={n.href}>
            {renderInline(n.children)}
          </Anchor>
        ) : (
          <Anchor key={i} href={n.href} target="_blank" rel="noopener noreferrer nofollow">
            {renderInline(n.children)}
          </Anchor>
        );
    }
  });
}

/** A page's text, rendered from its Markdown as React elements (see markdown.ts: no HTML from the text). */
export function Markdown({ source }: { source: string }) {
  const blocks = useMemo(() => parseMarkdown(source), [source]);
  return (
    <Stack gap="sm" style={{ overflowWrap: 'anywhere' }} data-testid="kb-rendered">
      {blocks.map((b, i) => {
        if (b.type === 'heading')
          return (
            <Title key={i} order={b.level + 1 as 2 | 3 | 4} fz={b.level === 1 ? 'h3' : 'h4'}>
              {renderInline(b.children)}
            </Title>
          );
        if (b.type === 'code')
          return (
            <Code key={i} block style={{ overflowX: 'auto' }}>
              {b.text}
            </Code>
          );
        if (b.type === 'list')
          return (
            <List key={i} type={b.ordered ? 'ordered' : 'unordered'} spacing={4}>
              {b.items.map((item, j) => (
                <List.Item key={j}>{renderInline(item)}</List.Item>
              ))}
            </List>
          );
        return (
          <Text key={i}>
            {b.lines.map((line, j) => (
              <Fragment key={j}>
                {j > 0 && <br />}
                {renderInline(line)}
              </Fragment>
            ))}
          </Text>
        );
      })}
    </Stack>
  );
}
