/** Groups demo personas by role label in a fixed order, so the list reads top-down like the organisation. */
export const PERSONA_GROUP_ORDER = ['院党委管理员', '支部书记', '支委', '党员'] as const;

export interface PersonaGroup<P> {
  label: string;
  personas: P[];
}

export function groupPersonas<P extends { roleLabel: string }>(personas: P[]): PersonaGroup<P>[] {
  const known: string[] = [...PERSONA_GROUP_ORDER];
  const labels = [...known, ...personas.map((p) => p.roleLabel).filter((l) => !known.includes(l))];
  return [...new Set(labels)]
    .map((label) => ({ label, personas: personas.filter((p) => p.roleLabel === label) }))
    .filter((g) => g.personas.length > 0);
}
