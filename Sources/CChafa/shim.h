/* CChafa: chafa (libchafa-dev) draws field snippets in the terminal, used only by TerminalDriver. */
#include <chafa.h>
