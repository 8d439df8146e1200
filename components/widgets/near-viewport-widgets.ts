/**
 * The MDX components that load only when they come near the viewport (an
 * IntersectionObserver decides), as the widget manifest marks them. A section that renders
 * one of them keeps every block laid out (no `content-visibility` shortcut, see
 * SectionPage): estimated heights above such a widget resolve while the reader scrolls and
 * can carry it back out of view before its observer fires.
 */
export { nearViewportWidgets } from './manifest';
