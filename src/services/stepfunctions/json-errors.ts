/**
 * Step Functions parses JSON with Jackson and quotes its messages (definitions, execution input).
 * The messages of the common mistakes, as AWS answers them (test_sfn_api.py::test_invalid_start_execution_input,
 * 22-06-2023; test_sfn_api_validation.py::test_validate_state_machine_definition_not_a_definition, 19-10-2025);
 * other syntax errors keep JSON.parse's text.
 */

export interface JsonProblem {
  message: string;
  /** 1-based, where the parser stopped. */
  line: number;
  column: number;
}

/** Why `text` is not JSON, in Jackson's words where known; undefined when it parses. */
export function jsonProblem(text: string): JsonProblem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    const at = (end: number) => {
      const before = text.slice(0, end);
      return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
    };
    const word = /^(\s*)([A-Za-z_$][\w$]*)/.exec(text);
    if (word && !['true', 'false', 'null'].includes(word[2]!)) {
      return {
        message: `Unrecognized token '${word[2]}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`,
        ...at(word[0].length),
      };
    }
    const field = /^\s*\{\s*([^\s"}])/.exec(text);
    if (field) {
      const c = field[1]!;
      return { message: `Unexpected character ('${c}' (code ${c.codePointAt(0)})): was expecting double-quote to start field name`, ...at(field[0].length) };
    }
    return { message: (e as Error).message, ...at(text.length) };
  }
}
