// Runs once before any test file: brings in the Debian packages the tests use.
import { installMissing } from './helpers/system-packages.js';

export default function setup(): void {
  installMissing();
}
