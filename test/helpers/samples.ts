// The sample lists (invented people) from the product's shared folder, copied into the repository
// (test/fixtures/samples) so that tests run the same from any clone.
import { join } from 'node:path'

export const SAMPLES_DIR = join(import.meta.dirname, '../fixtures/samples')
