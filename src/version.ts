// The tool's version, as package.json has it (a test keeps them equal).
export const TOOL_VERSION = '1.0.0'
