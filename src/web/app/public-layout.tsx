import { Paper } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { Brand } from '../components/Brand';
import { LanguageSwitch } from '../components/LanguageSwitch';
import classes from './public-layout.module.css';

/** The frame of the pages open to signed-out visitors: one card, centred. */
export function PublicLayout() {
  return (
    <div className={classes.root}>
      <header className={classes.top}>
        <Link to="/login" style={{ color: 'inherit', textDecoration: 'none' }}>
          <Brand />
        </Link>
        <LanguageSwitch />
      </header>
      <main className={classes.content}>
        <Paper className={classes.card} shadow="md" withBorder p={{ base: 'lg', xs: 'xl' }}>
          <Outlet />
        </Paper>
      </main>
    </div>
  );
}
