/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.scss';

/** Injected by config/index.ts defineConstants. */
declare const LOCAL_API_BASE: string;
declare const CLOUD_ENV_ID: string;
declare const NOTICE_REMINDER_TEMPLATE: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV?: 'weapp' | 'h5';
  }
}
