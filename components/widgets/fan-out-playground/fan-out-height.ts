/**
 * The fan-out playground's height at the base and sm breakpoints, shared with its lazy
 * placeholder so the page does not move when the playground arrives.
 */
export const fanOutHeightClass = 'h-[102rem] sm:h-[63rem]';
