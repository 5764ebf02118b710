// TerminalDriver runs the ReviewUI core in a real terminal: raw mode, key decoding (UTF-8 and escape
// sequences), screen diffing, resize, and restoring the terminal on exit and on signals.
