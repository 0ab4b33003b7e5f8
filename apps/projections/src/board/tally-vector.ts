// The first migration's import (migrations are history and stay as they are).
export { TALLY_COLUMNS } from '../board-tallies/tally-vector';
