export { IS_PUBLIC, Public } from '@intensify/auth';
