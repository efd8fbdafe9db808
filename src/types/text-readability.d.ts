/** The part of text-readability (no bundled types) that the reading-level test uses. */
declare module 'text-readability' {
  const readability: {
    fleschKincaidGrade(text: string): number;
  };
  export default readability;
}
