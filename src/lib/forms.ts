/** The `message` every form here may carry back, shown by FormMessage. */
export type FormNotice = { type: 'error' | 'success'; text: string };
