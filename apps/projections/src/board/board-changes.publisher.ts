// The health controller's import until the shared health module replaces it.
export { BoardChangesPublisher } from '../read-models/board-changes.publisher';
