// The tool's version, as package.json has it (a test keeps them equal).
export const TOOL_VERSION = '0.1.0'
