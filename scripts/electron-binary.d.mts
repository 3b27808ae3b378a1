// Types of electron-binary.mjs, for the TypeScript e2e fixtures that share its checks.
export declare function electronPackageDir(): string | null;
export declare function electronBinaryPath(): string | null;
export declare function missingDisplayReason(): string | null;
