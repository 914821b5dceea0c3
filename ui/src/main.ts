import '@fontsource-variable/inter';
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
