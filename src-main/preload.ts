import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, operationNames } from '../src-shared/api';

// One function per operation of the API contract, and nothing else of Electron.
const bridge = Object.fromEntries(
  operationNames.map((name) => [
    name,
    (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input),
  ]),
);

contextBridge.exposeInMainWorld('muquApi', bridge);
