/** The playground page: loads an image, builds one section per panel and runs them. */
import type { NDArray } from '@sciport/array-api';
import { SciportError } from '@sciport/dispatch-core';
import { type BackendName, backend } from './backends.js';
import { drawGrey, greyFromBlob } from './image-io.js';
import { PANELS, type Panel, type Values } from './panels.js';
import { runPanel } from './run-panel.js';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let image: NDArray | undefined;

async function useImage(blob: Blob): Promise<void> {
  image = await greyFromBlob(blob);
  drawGrey(byId<HTMLCanvasElement>('input'), image);
  byId('input-size').textContent = `${image.shape[1]} × ${image.shape[0]} pixels, grey float64`;
}

function chosenBackend(): BackendName {
  return (document.querySelector('input[name=backend]:checked') as HTMLInputElement).value as BackendName;
}

/** One section: the panel's parameters, a Run button, the result and its dispatch record. */
function panelSection(panel: Panel): HTMLElement {
  const section = document.createElement('section');
  section.className = 'panel';
  section.dataset.panel = panel.id;
  section.dataset.state = 'idle';
  section.innerHTML = `<h2>${panel.title}</h2><div class="params"></div><button type="button" class="run">Run</button>
    <progress hidden></progress><p class="status"></p><canvas></canvas><details><summary>explain()</summary><pre></pre></details>`;
  const params = section.querySelector('.params') as HTMLElement;
  for (const param of panel.params) {
    const label = document.createElement('label');
    label.textContent = `${param.label} `;
    const input = param.options ? document.createElement('select') : document.createElement('input');
    input.name = param.id;
    if (input instanceof HTMLSelectElement) {
      for (const option of param.options ?? []) input.add(new Option(option, option));
    } else {
      input.type = 'number';
      if (param.min !== undefined) input.min = String(param.min);
      if (param.max !== undefined) input.max = String(param.max);
      if (param.step !== undefined) input.step = String(param.step);
    }
    input.value = String(param.value);
    label.append(input);
    params.append(label);
  }
  (section.querySelector('.run') as HTMLButtonElement).addEventListener('click', () => run(panel, section));
  return section;
}

function valuesOf(panel: Panel, section: HTMLElement): Values {
  const values: Values = {};
  for (const param of panel.params) {
    const input = section.querySelector(`[name=${param.id}]`) as HTMLInputElement | HTMLSelectElement;
    values[param.id] = param.options ? input.value : Number(input.value);
  }
  return values;
}

async function run(panel: Panel, section: HTMLElement): Promise<void> {
  if (image === undefined) return;
  const status = section.querySelector('.status') as HTMLElement;
  const record = section.querySelector('pre') as HTMLElement;
  const bar = section.querySelector('progress') as HTMLProgressElement;
  const name = chosenBackend();
  section.dataset.state = 'running';
  section.dataset.backend = name;
  status.textContent = `running on ${name}…`;
  try {
    const chosen = await backend(name);
    const result = await runPanel(panel, valuesOf(panel, section), image, chosen, (done, total) => {
      bar.hidden = false;
      bar.max = total;
      bar.value = done;
    });
    drawGrey(section.querySelector('canvas') as HTMLCanvasElement, result.output);
    status.textContent = `${result.text}: ${result.ms.toFixed(1)} ms on ${chosen.detail}`;
    record.textContent = result.record;
    section.dataset.state = 'done';
  } catch (error) {
    // A call the backend does not implement is refused with dispatch's reason: shown, not hidden.
    const e = error instanceof Error ? error : new Error(String(error));
    status.textContent = `${e.name}: ${e.message.split('\n')[0]}`;
    record.textContent = e.message;
    section.dataset.state = error instanceof SciportError ? 'refused' : 'failed';
  } finally {
    bar.hidden = true;
  }
}

for (const panel of PANELS) byId('panels').append(panelSection(panel));

byId<HTMLInputElement>('file').addEventListener('change', (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file) void useImage(file);
});
byId('sample').addEventListener('click', async () => useImage(await (await fetch('sample.png')).blob()));
document.addEventListener('dragover', (event) => {
  event.preventDefault();
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
document.addEventListener('drop', (event) => {
  event.preventDefault();
  document.body.classList.remove('dragging');
  const file = event.dataTransfer?.files[0];
  if (file) void useImage(file);
});
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=backend]')) {
  radio.addEventListener('change', async () => {
    const status = byId('backend-status');
    status.textContent = `starting ${radio.value}…`;
    try {
      status.textContent = (await backend(radio.value as BackendName)).detail;
    } catch (error) {
      status.textContent = `${radio.value} cannot start here: ${error instanceof Error ? error.message : String(error)}`;
    }
  });
}

await useImage(await (await fetch('sample.png')).blob());
document.body.dataset.ready = 'true';
