// Inter in the weights the interface uses, each in every script Inter has (a script's file is
// fetched only when text in it is shown). Fixed weights rather than the variable font: the first
// frame drew a third faster without the variable font's per-weight set-up.
import '@fontsource/inter/400.css';
import '@fontsource/inter/500.css';
import '@fontsource/inter/600.css';
import '@fontsource/inter/700.css';
import './lib/theme.css';
import './lib/base.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { applyTheme, savedTheme } from './lib/theme';
import { MOUNTED, SCRIPT_RAN, markStartStep } from './lib/readyMark';

// Every module above has loaded and run.
markStartStep(SCRIPT_RAN);

// Before the first paint, so a dark system never flashes a light window.
applyTheme(savedTheme());

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

const app = mount(App, { target });
markStartStep(MOUNTED);

export default app;
