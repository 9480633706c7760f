// sigma programs for dashed and dotted edges (see edge-style.ts). sigma
// touches WebGL when imported, so only the drawing imports this module.
import type { EdgeProgramType } from 'sigma/rendering';
import { EdgeCurvedArrowProgram } from '@sigma/edge-curve';
import { dashShader, PATTERNS, type EdgeLine } from './edge-style.ts';

type Definition = { FRAGMENT_SHADER_SOURCE: string };
type ProgramClass = new (...args: never[]) => { getDefinition(): Definition };

function dashedProgram(on: number, period: number): EdgeProgramType {
  const Base = EdgeCurvedArrowProgram as unknown as ProgramClass;
  class Dashed extends Base {
    override getDefinition(): Definition {
      const d = super.getDefinition();
      return { ...d, FRAGMENT_SHADER_SOURCE: dashShader(d.FRAGMENT_SHADER_SOURCE, on, period) };
    }
  }
  return Dashed as unknown as EdgeProgramType;
}

/** sigma edge types for the non-solid lines (straight ones get a near-zero curvature). */
export const LINE_PROGRAMS: Record<Exclude<EdgeLine, 'solid'>, EdgeProgramType> = {
  dashed: dashedProgram(PATTERNS.dashed.on, PATTERNS.dashed.period),
  dotted: dashedProgram(PATTERNS.dotted.on, PATTERNS.dotted.period),
};
