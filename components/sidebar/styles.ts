// Styles of the sidebar, inlined into its closed shadow root (no web-accessible CSS file for a page to probe).

/** The open sidebar's width; the page narrows by as much (components/content/pageInset.ts). */
export const SIDEBAR_WIDTH = 352;

export const SIDEBAR_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.ka {
  --ink: #1d2433; --muted: #5f6b7a; --line: #e4e7ec; --soft: #f6f7f9; --brand: #0e6e64; --brand-ink: #ffffff;
  --danger: #b42318; --danger-bg: #fef3f2; --warning: #a4490b; --warning-bg: #fffaeb;
  --info: #175cd3; --info-bg: #eff8ff; --good: #067647; --good-bg: #ecfdf3;
  font: 13px/1.45 "Google Sans", Roboto, "Segoe UI", system-ui, -apple-system, Arial, sans-serif;
  color: var(--ink); -webkit-font-smoothing: antialiased;
}
.panel {
  position: fixed; top: 0; right: var(--ka-offset, 0px); bottom: 0; width: ${SIDEBAR_WIDTH}px; z-index: 2147483646;
  display: flex; flex-direction: column; background: #fff; border-left: 1px solid var(--line);
  box-shadow: -8px 0 24px rgba(16, 24, 40, 0.08);
}
.head { display: flex; align-items: center; gap: 8px; padding: 12px 14px; border-bottom: 1px solid var(--line); }
.logo { width: 22px; height: 22px; border-radius: 6px; background: var(--brand); color: #fff; display: grid; place-items: center; font-weight: 700; font-size: 12px; flex: none; }
.brand { font-weight: 600; font-size: 14px; }
.site { color: var(--muted); font-size: 12px; margin-left: auto; }
.icon-btn { border: 0; background: transparent; width: 28px; height: 28px; border-radius: 6px; cursor: pointer; color: var(--muted); font-size: 16px; line-height: 1; display: grid; place-items: center; }
.icon-btn:hover { background: var(--soft); color: var(--ink); }
button:focus-visible, summary:focus-visible, a:focus-visible, select:focus-visible { outline: 2px solid var(--brand); outline-offset: 2px; }
.body { flex: 1; overflow-y: auto; padding: 14px; display: flex; flex-direction: column; gap: 14px; }
.account { display: flex; flex-direction: column; gap: 2px; }
.account h2 { margin: 0; font-size: 17px; font-weight: 600; letter-spacing: -0.01em; }
.sub { color: var(--muted); font-size: 12px; }
.headline { border-radius: 10px; padding: 10px 12px; border: 1px solid transparent; }
.headline .title { font-weight: 650; font-size: 14px; margin-bottom: 2px; }
.tone-danger { background: var(--danger-bg); border-color: #fecdca; } .tone-danger .title { color: var(--danger); }
.tone-warning { background: var(--warning-bg); border-color: #fedf89; } .tone-warning .title { color: var(--warning); }
.tone-info { background: var(--info-bg); border-color: #b2ddff; } .tone-info .title { color: var(--info); }
.tone-good { background: var(--good-bg); border-color: #abefc6; } .tone-good .title { color: var(--good); }
.capture-actions { display: flex; gap: 6px; margin-top: 8px; flex-wrap: wrap; } .capture-actions button { margin: 0; }
.section-title { font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 0 0 6px; }
.questions { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.question { border: 1px solid var(--line); border-radius: 10px; padding: 10px 12px; display: flex; flex-direction: column; gap: 6px; }
.question .text { font-weight: 500; }
.question .why { color: var(--muted); font-size: 12px; }
.question .row { display: flex; align-items: center; gap: 8px; }
.tag { font-size: 11px; color: var(--muted); background: var(--soft); border-radius: 999px; padding: 1px 8px; }
.tag.team { color: var(--brand); background: #e6f4f1; }
.primary { margin-left: auto; border: 0; border-radius: 8px; padding: 6px 12px; background: var(--brand); color: var(--brand-ink); font: inherit; font-weight: 600; cursor: pointer; }
.primary:hover { background: #0b5a52; }
.secondary { border: 1px solid var(--line); border-radius: 8px; padding: 6px 12px; background: #fff; color: var(--ink); font: inherit; cursor: pointer; }
.secondary:hover { background: var(--soft); }
details { border-top: 1px solid var(--line); padding-top: 10px; }
summary { cursor: pointer; font-weight: 600; list-style: none; display: flex; align-items: center; gap: 6px; }
summary::-webkit-details-marker { display: none; }
summary::before { content: "▸"; color: var(--muted); transition: transform 0.15s; }
details[open] > summary::before { transform: rotate(90deg); }
summary .count { margin-left: auto; color: var(--muted); font-weight: 400; font-size: 12px; }
.lines { margin: 8px 0 0; padding: 0 0 0 16px; display: flex; flex-direction: column; gap: 4px; }
.lines li { color: var(--ink); }
.person { display: flex; flex-direction: column; padding: 6px 0; border-bottom: 1px dashed var(--line); }
.person:last-child { border-bottom: 0; }
.person .name { font-weight: 500; }
.missing { color: var(--danger); }
.state { display: flex; flex-direction: column; gap: 10px; align-items: flex-start; padding: 8px 2px; }
.state h2 { margin: 0; font-size: 15px; }
.state p { margin: 0; color: var(--muted); }
.foot { border-top: 1px solid var(--line); padding: 8px 14px; color: var(--muted); font-size: 11px; display: flex; gap: 6px; align-items: center; }
.dot { width: 6px; height: 6px; border-radius: 50%; background: var(--good); }
.toast { position: absolute; left: 14px; right: 14px; bottom: 44px; background: var(--ink); color: #fff; border-radius: 8px; padding: 8px 12px; font-size: 12px; }
.tab {
  position: fixed; right: var(--ka-offset, 0px); top: 40%; z-index: 2147483646; writing-mode: vertical-rl;
  border: 1px solid var(--line); border-right: 0; border-radius: 10px 0 0 10px; background: #fff; color: var(--brand);
  padding: 8px 5px 12px; font: 600 12px/1 "Google Sans", Roboto, system-ui, sans-serif; letter-spacing: 0.01em; cursor: pointer;
  box-shadow: -4px 0 14px rgba(16, 24, 40, 0.12); display: flex; align-items: center; gap: 8px;
}
.tab:hover { background: var(--soft); }
.tab-logo { writing-mode: horizontal-tb; width: 20px; height: 20px; border-radius: 6px; background: var(--brand); color: #fff; display: grid; place-items: center; font-weight: 700; font-size: 11px; }
.tab .badge { writing-mode: horizontal-tb; width: 8px; height: 8px; border-radius: 50%; flex: none; }
.tab.alert { box-shadow: -4px 0 14px rgba(16, 24, 40, 0.16), inset 3px 0 0 currentColor; font-weight: 700; }
.tab.alert.danger { color: var(--danger); background: var(--danger-bg); border-color: #fecdca; }
.tab.alert.warning { color: var(--warning); background: var(--warning-bg); border-color: #fedf89; }
.tab.alert.info { color: var(--info); background: var(--info-bg); border-color: #b2ddff; }
.tab.alert:hover { filter: brightness(0.97); }
.badge.danger { background: var(--danger); } .badge.warning { background: #f79009; } .badge.info { background: var(--info); } .badge.good { background: var(--good); }
.choices { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; width: 100%; }
.choices button { width: 100%; text-align: left; }
.skeleton { height: 12px; border-radius: 6px; background: linear-gradient(90deg, #f2f4f7, #e4e7ec, #f2f4f7); background-size: 200% 100%; animation: shimmer 1.2s infinite; }
@keyframes shimmer { from { background-position: 200% 0; } to { background-position: -200% 0; } }
@media (prefers-reduced-motion: reduce) { .skeleton { animation: none; } summary::before { transition: none; } }
`;
