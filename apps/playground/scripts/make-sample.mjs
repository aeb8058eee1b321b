// Writes public/sample.png, the image the playground opens with: the demo's 256×256 test
// scene (discs and bars on mild noise), so both show the same picture.
import { writeFileSync } from 'node:fs';
import { greyPng, sampleImage } from '../../../tooling/demo/pictures.mjs';

writeFileSync(new URL('../public/sample.png', import.meta.url), greyPng(sampleImage(256)));
